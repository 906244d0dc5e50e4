// The two jobs of the `mvn hpi:run` demo (see README), created once: they print the keys of
// ../jenkins.yaml in several forms, so that the masked log is the first thing a newcomer sees.
import hudson.model.FreeStyleProject
import hudson.tasks.Shell
import io.jenkins.plugins.apikey.binding.ApiKeyBinding
import io.jenkins.plugins.apikey.wrapper.ApiKeyBuildWrapper
import jenkins.model.Jenkins
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition
import org.jenkinsci.plugins.workflow.job.WorkflowJob

def jenkins = Jenkins.get()

if (jenkins.getItem('demo-pipeline') == null) {
    def pipeline = jenkins.createProject(WorkflowJob, 'demo-pipeline')
    pipeline.description = 'withApiKey binds keys and masks every form of them in the log.'
    pipeline.definition = new CpsFlowDefinition('''\
node {
    withApiKey(bindings: [key('demo-katalon'), key('demo-xray'), key('demo-katalo')]) {
        sh \'\'\'
            echo "plain:       $KATALON_API_KEY"
            echo "katalonc:    katalonc -runMode=console $KATALON_ARGS"
            echo "basic auth:  Authorization: Basic $(printf ':%s' "$KATALON_API_KEY" | base64)"
            printf 'json:        {"apiKey": "%s"}\\\\n' "$KATALON_API_KEY"
            echo "xray:        client $XRAY_CLIENT_ID secret $XRAY_CLIENT_SECRET"
            echo "katalo:      Authorization: Bearer $KATALO_API_KEY"
        \'\'\'
        echo "from Groovy: ${env.KATALON_API_KEY.toUpperCase().toLowerCase()}"
    }
}
''', true)
    pipeline.save()
}

if (jenkins.getItem('demo-freestyle') == null) {
    def freestyle = jenkins.createProject(FreeStyleProject, 'demo-freestyle')
    freestyle.description = 'Use API keys binds keys for a freestyle build and masks them in its log.'
    def binding = new ApiKeyBinding('demo-katalon-onprem')
    binding.keyFile = true
    freestyle.buildWrappersList.add(new ApiKeyBuildWrapper([binding]))
    freestyle.buildersList.add(new Shell('''\
echo "plain:     $KATALON_API_KEY"
echo "katalonc:  katalonc -runMode=console $KATALON_ARGS"
echo "key file:  $(cat "$KATALON_API_KEY_FILE")"
echo "url:       https://testops.example.com/api?apiKey=$KATALON_API_KEY"
'''))
    freestyle.save()
}
